/** CRM.COM passes the shared adapter contract against its simulator. */
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { makeCrmcomHarness } from "./contract.fixture.ts";

runAdapterContract("crmcom", () => makeCrmcomHarness());
