import postgres from "postgres";

/** The postgres.js client type used across the app (camelCase columns). */
export type Sql = postgres.Sql<Record<string, never>>;

/** Opens a connection pool; snake_case columns come back camelCased. */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    transform: postgres.camel,
    onnotice: () => {},
    connection: { application_name: "whatsapp-reader" },
  }) as unknown as Sql;
}
