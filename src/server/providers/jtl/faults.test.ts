/** JTL passes the shared provider-fault suite (issue 4) against its simulator, through the BFF. */
import { runFaultSuite } from "../contract/fault-suite.ts";
import { makeJtlHarness } from "./contract.fixture.ts";

runFaultSuite("jtl", makeJtlHarness);
