/** Spaaza passes the shared provider-fault suite (issue 4) against its simulator, through the BFF. */
import { runFaultSuite } from "../contract/fault-suite.ts";
import { makeSpaazaHarness } from "./contract.fixture.ts";

runFaultSuite("spaaza", makeSpaazaHarness);
