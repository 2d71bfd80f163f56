import { getEnv } from "./env";

/** An absolute URL on this site, as emailed links and share links need. */
export function appUrl(pathname: string): string {
  return `${getEnv().APP_URL}${pathname}`;
}
