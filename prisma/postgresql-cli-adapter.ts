import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The PostgreSQL driver adapter as the Prisma 6.19.3 CLI needs it (migrate deploy,
// status, db pull, migrate diff --from-migrations); the app uses PrismaPg as it is.
// Three gaps in @prisma/adapter-pg 6.19.3 (../shared/notes/ENVIRONMENT.md):
// - it maps no type for the catalogue types `name` (oid 19) and `"char"` (oid 18),
//   which the schema engine reads when it inspects a database: reported here as text;
// - it splits a migration script on every ";" (a `DEFAULT ';'` would break), and runs
//   a statement without parameters through the extended protocol, which takes one
//   statement only (the shadow database gets each migration that way): both sent whole;
// - its shadow database keeps the main database's name (a connection string's database
//   wins over the one it sets) and is left behind on failure: made from the URL here.

const AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 }; // char, name and their arrays

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Queryable = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };

function mapCatalogueTypes<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  return queryable;
}

function forCli(adapter: Adapter): Adapter {
  mapCatalogueTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => mapCatalogueTypes(await startTransaction(isolationLevel));
  const client = adapter.underlyingDriver() as pg.Pool;
  // The simple protocol runs a multi-statement script as it is.
  const simpleQuery = async (sql: string): Promise<number> => {
    try {
      const results = [await client.query(sql)].flat() as pg.QueryResult[];
      return results.reduce((sum, result) => sum + (result.rowCount ?? 0), 0);
    } catch (error) {
      return (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  adapter.executeScript = async (script) => void (await simpleQuery(script));
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = (query) => (query.args.length === 0 ? simpleQuery(query.sql) : executeRaw(query));
  return adapter;
}

export class PrismaPgCli extends PrismaPg {
  constructor(private readonly url: string) {
    // A short idle timeout: the CLI would otherwise wait out the pool's 10 s before exiting.
    super({ connectionString: url, idleTimeoutMillis: 50, allowExitOnIdle: true });
  }

  override async connect(): Promise<Adapter> {
    return forCli(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPgCli(shadowUrl.toString()).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client({ connectionString: this.url });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    };
    return shadow;
  }
}
