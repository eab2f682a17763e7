/** The store's public surface for the rest of the BFF. */
export type { Db, Queryable, QueryResult } from "./db.ts";
export { migrate, migrations } from "./migrations.ts";
export { openStore, type Store, type StoreOptions } from "./store.ts";
