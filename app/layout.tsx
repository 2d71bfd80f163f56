import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { getEnv } from "@/lib/env";
import { languageDirection } from "@/lib/i18n/languages";
import "./globals.css";

// A function, so APP_URL is read when the server runs rather than when it was built:
// share cards need absolute image URLs on the public address.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4ed8" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  const messages = await getMessages();
  return (
    <html lang={locale} dir={languageDirection(locale)}>
      <body className="flex min-h-dvh flex-col font-sans">
        {/* Only what client components read (the sign form): every page carries these in its payload. */}
        <NextIntlClientProvider messages={{ signForm: messages.signForm, validation: messages.validation }}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
