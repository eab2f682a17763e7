/**
 * Demo data for the Mews simulator. DEMO ONLY: these tokens, ids and codes exist nowhere but in this
 * simulator; the launcher prints them so a person can try the widget at once.
 *
 * Code values are upper-case letters and digits without dashes: the BFF normalizes what a person types
 * (case, spaces, dashes) before it looks a code up, and Mews matches values exactly.
 */

/** DEMO ONLY. The integration's ClientToken. */
export const DEMO_CLIENT_TOKEN = "DEMO-MEWS-CLIENT-TOKEN-SIMULATOR-ONLY";

export interface DemoAccessToken {
  token: string;
  /** Enterprises the token reaches. */
  enterpriseIds: readonly string[];
  /** A Portfolio Access Token: writes must name their EnterpriseId. */
  portfolio: boolean;
}

export const DEMO_ENTERPRISE_ID = "6d1f5e1a-3c7b-4f0e-9a51-0d2c9b7e4a10";
export const DEMO_ANNEX_ENTERPRISE_ID = "6d1f5e1a-3c7b-4f0e-9a51-0d2c9b7e4a20";
export const DEMO_SERVICE_ID = "b7c3a2d4-5e6f-4a1b-8c9d-0e1f2a3b4c01";
export const DEMO_ANNEX_SERVICE_ID = "b7c3a2d4-5e6f-4a1b-8c9d-0e1f2a3b4c02";
export const DEMO_VOUCHER_IDS = {
  corporate: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a01",
  friends: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a02",
  annex: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a03",
} as const;

/** DEMO ONLY. One token per enterprise kind the adapter must handle. */
export const demoAccessTokens: readonly DemoAccessToken[] = [
  { token: "DEMO-MEWS-ACCESS-TOKEN-DEMO-HOTEL", enterpriseIds: [DEMO_ENTERPRISE_ID], portfolio: false },
  {
    token: "DEMO-MEWS-PORTFOLIO-TOKEN-BOTH-HOTELS",
    enterpriseIds: [DEMO_ENTERPRISE_ID, DEMO_ANNEX_ENTERPRISE_ID],
    portfolio: true,
  },
];

export const demoEnterprises = [
  { id: DEMO_ENTERPRISE_ID, name: "Demo Hotel (demo only)" },
  { id: DEMO_ANNEX_ENTERPRISE_ID, name: "Demo Hotel Annex (demo only)" },
] as const;

export const demoServices = [
  { id: DEMO_SERVICE_ID, enterpriseId: DEMO_ENTERPRISE_ID, name: "Accommodation" },
  { id: DEMO_ANNEX_SERVICE_ID, enterpriseId: DEMO_ANNEX_ENTERPRISE_ID, name: "Accommodation" },
] as const;

export const demoRates = [
  { id: "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c01", serviceId: DEMO_SERVICE_ID, name: "Corporate (private)" },
  { id: "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c02", serviceId: DEMO_SERVICE_ID, name: "Friends & family (private)" },
] as const;

export interface DemoVoucher {
  id: string;
  serviceId: string;
  name: string;
  type: "Public" | "PartnerCompany" | "TravelAgency";
  rateIds: readonly string[];
}

/** Two rate-access vouchers of the demo hotel, and one of the annex (reached by the portfolio token). */
export const demoVouchers: readonly DemoVoucher[] = [
  {
    id: DEMO_VOUCHER_IDS.corporate,
    serviceId: DEMO_SERVICE_ID,
    name: "Corporate partner rate",
    type: "PartnerCompany",
    rateIds: [demoRates[0].id],
  },
  {
    id: DEMO_VOUCHER_IDS.friends,
    serviceId: DEMO_SERVICE_ID,
    name: "Friends and family",
    type: "Public",
    rateIds: [demoRates[1].id],
  },
  { id: DEMO_VOUCHER_IDS.annex, serviceId: DEMO_ANNEX_SERVICE_ID, name: "Annex weekend", type: "Public", rateIds: [] },
];

export interface DemoCode {
  /** What this code is for, printed by the launcher. */
  label: string;
  id: string;
  voucherId: string;
  value: string;
  /** Days from start-up (or reset) to the validity bounds; null = open. */
  startDays: number | null;
  endDays: number | null;
  deleted?: boolean;
}

/** DEMO ONLY. One code per case the widget must explain; listed oldest first (created an hour apart). */
export const demoCodes: readonly DemoCode[] = [
  {
    label: "deleted",
    id: "c0de0000-0000-4000-8000-000000000005",
    voucherId: DEMO_VOUCHER_IDS.friends,
    value: "MEWSDELETED00001",
    startDays: null,
    endDays: null,
    deleted: true,
  },
  {
    label: "not yet valid (from in 30 days)",
    id: "c0de0000-0000-4000-8000-000000000004",
    voucherId: DEMO_VOUCHER_IDS.friends,
    value: "MEWSFUTURE000001",
    startDays: 30,
    endDays: 60,
  },
  {
    label: "expired yesterday",
    id: "c0de0000-0000-4000-8000-000000000003",
    voucherId: DEMO_VOUCHER_IDS.corporate,
    value: "MEWSEXPIRED00001",
    startDays: -30,
    endDays: -1,
  },
  {
    label: "valid for a year",
    id: "c0de0000-0000-4000-8000-000000000002",
    voucherId: DEMO_VOUCHER_IDS.friends,
    value: "MEWSVALID0000002",
    startDays: -1,
    endDays: 365,
  },
  {
    label: "valid, no end date",
    id: "c0de0000-0000-4000-8000-000000000001",
    voucherId: DEMO_VOUCHER_IDS.corporate,
    value: "MEWSVALID0000001",
    startDays: null,
    endDays: null,
  },
];
