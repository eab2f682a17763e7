/** JTL passes the shared adapter contract against its simulator. */
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { makeJtlHarness } from "./contract.fixture.ts";

runAdapterContract("jtl", makeJtlHarness);
