/**
 * Demo data for the Tevalis simulator. DEMO ONLY: these companies, credentials and serial numbers exist
 * nowhere but in this simulator; the launcher prints them so a person can try the widget at once.
 *
 * Serials are upper-case letters and digits without dashes, so they survive the widget's normalizing
 * (it strips case, spaces and dashes). Values are in the site's currency (GBP for the demo).
 */

export interface DemoCompany {
  companyId: number;
  name: string;
  /** The company's API GUID (header `GUID`). */
  guid: string;
  /** The optional second GUID (header `GUID2`); when the company has one, a sent GUID2 must match. */
  guid2?: string;
  siteIds: readonly number[];
}

/** Developer ids the simulator accepts in the `DeveloperID` header. */
export const demoDeveloperIds: readonly string[] = ["demo-developer"];

/** DEMO ONLY. Company 1001 is the demo account's; 2002 exists to show that companies are kept apart. */
export const demoCompanies: readonly DemoCompany[] = [
  {
    companyId: 1001,
    name: "Demo Pub Group (demo only)",
    guid: "6f1c2a4e-0d3b-4c5a-9e8d-7a6b5c4d3e2f",
    guid2: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    siteIds: [1, 2],
  },
  {
    companyId: 2002,
    name: "Other Company (demo only)",
    guid: "00000000-2002-4000-8000-000000000002",
    siteIds: [7],
  },
];

export interface DemoWebVoucher {
  /** What this voucher is for, printed by the launcher. */
  label: string;
  companyId: number;
  siteId: number;
  serial: string;
  /** Value in pence. */
  value: number;
  /** `active`; `redeemed` (spent at a till); `void` (cancelled in the back office). */
  state: "active" | "redeemed" | "void";
  /** Days from start-up until expiry (negative: already expired); null: the voucher never expires. */
  expiresInDays: number | null;
  notes?: string;
}

/** DEMO ONLY. One voucher per case the widget must handle. */
export const demoWebVouchers: readonly DemoWebVoucher[] = [
  {
    label: "active",
    companyId: 1001,
    siteId: 1,
    serial: "TEVDEMO25GBP0001",
    value: 2500,
    state: "active",
    expiresInDays: 365,
  },
  {
    label: "active, never expires",
    companyId: 1001,
    siteId: 1,
    serial: "TEVDEMO50GBP0002",
    value: 5000,
    state: "active",
    expiresInDays: null,
  },
  {
    label: "active, sold at site 2",
    companyId: 1001,
    siteId: 2,
    serial: "TEVDEMO1075GBP03",
    value: 1075,
    state: "active",
    expiresInDays: 90,
  },
  {
    label: "spent at the till (inactive: not found)",
    companyId: 1001,
    siteId: 1,
    serial: "TEVDEMOSPENT0004",
    value: 2000,
    state: "redeemed",
    expiresInDays: 365,
  },
  {
    label: "expired yesterday (inactive: not found)",
    companyId: 1001,
    siteId: 1,
    serial: "TEVDEMOEXPIRED05",
    value: 3000,
    state: "active",
    expiresInDays: -1,
  },
  {
    label: "another company's voucher (invisible to 1001)",
    companyId: 2002,
    siteId: 7,
    serial: "TEVOTHERCOMPANY6",
    value: 4000,
    state: "active",
    expiresInDays: 365,
  },
];
