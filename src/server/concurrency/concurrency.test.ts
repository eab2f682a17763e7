/**
 * Concurrency through the real BFF routes against the JTL simulator: on PGlite always, and on PostgreSQL
 * (one instance) when TEST_DATABASE_URL is set. Two instances on one PostgreSQL: several-instances.test.ts.
 */
import { startCluster } from "./cluster.fixture.ts";
import { describeConcurrency } from "./scenarios.fixture.ts";

describeConcurrency("on PGlite (one instance)", () => startCluster());

const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl) describeConcurrency("on PostgreSQL (one instance)", () => startCluster({ databaseUrl }));
