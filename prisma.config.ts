import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getDatabaseConfig } from "./lib/db/database-url";

// engine "js": the CLI talks to the database through the driver adapter, so no native schema-engine
// binary is downloaded. The provider follows DATABASE_URL, like the app (lib/db/client.ts).
const database = getDatabaseConfig();
const dir = database.provider === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    return database.provider === "postgresql"
      ? new PrismaPg({ connectionString: database.url })
      : new PrismaBetterSQLite3({ url: database.url });
  },
});
