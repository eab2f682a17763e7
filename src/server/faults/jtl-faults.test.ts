/** JTL runs the provider fault suite against its simulator. */
import { runFaultSuite } from "../providers/contract/fault-suite.ts";
import { makeJtlFaultHarness } from "./jtl-fault-harness.ts";

runFaultSuite("jtl", makeJtlFaultHarness);
