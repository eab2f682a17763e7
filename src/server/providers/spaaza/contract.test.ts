/** Spaaza passes the shared adapter contract against its simulator. */
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { makeSpaazaHarness } from "./contract.fixture.ts";

runAdapterContract("spaaza", makeSpaazaHarness);
