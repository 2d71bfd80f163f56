import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryForm, DeliveryResponseForm } from "@/components/admin/delivery-forms";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { deliveryFigures } from "@/lib/deliveries/delivery-figures";
import { deliveryPhotoPath, listDeliveries } from "@/lib/deliveries/list-deliveries";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { DELIVERY_METHOD_LABELS, type DeliveryMethod } from "@/lib/validation/delivery";
import { deliveryAction, deliveryResponseAction, draftDeliveryUpdateAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delivery" };

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const n = (value: number) => value.toLocaleString("en");
const card = "rounded-xl border border-stone-200 bg-white p-5 shadow-sm";
const tellButton = "rounded-md border border-stone-300 px-3 py-1.5 text-left text-sm font-medium text-stone-800 hover:bg-stone-50";

// The delivery document, the deliveries and the addressee's responses. Admins record;
// moderators read (their POSTs are refused by the actions).
export default async function DeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ problem?: string }>;
}) {
  const staff = await requireStaffPage("moderate");
  const isAdmin = can(staff.role, "manage_letters");
  const mayTellSigners = can(staff.role, "send_updates");
  const [letter, { problem }] = await Promise.all([getAdminLetter({ slug: (await params).slug }), searchParams]);
  if (!letter) notFound();
  const [{ counts, listed }, deliveries] = await Promise.all([
    deliveryFigures({ letterId: letter.id, since: letter.createdAt }),
    listDeliveries({ letterId: letter.id }),
  ]);
  const today = isoDay(new Date());

  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href="/admin/letters" className="font-medium text-brand-700 hover:underline">← Letters</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">Delivering the letter</h1>
      <p className="mt-1 text-stone-600">{letter.title}</p>
      {problem ? <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">{problem}</p> : null}

      <section aria-labelledby="document-heading" className={`mt-6 ${card}`}>
        <h2 id="document-heading" className="text-lg font-semibold text-stone-900">The delivery document</h2>
        <p className="mt-1 text-sm text-stone-700">
          A PDF to hand over: the letter&apos;s text, today&apos;s date, the totals, a table of countries, and everyone who chose to be
          named, organisations first. Page headings are in English; the letter and the names are printed as written (a name
          mixing Arabic and Latin words may come out in the wrong order).
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="delivery-figures">
          {[
            ["Signatures", counts.total],
            ["Organisations", counts.organizations],
            ["Countries", counts.countries.length],
            ["Named in it", listed.organizations + listed.individuals],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="text-stone-600">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums text-stone-900">{n(value as number)}</dd>
            </div>
          ))}
        </dl>
        {isAdmin ? (
          <p className="mt-4">
            <a href={`/admin/letters/${letter.slug}/delivery.pdf`} download className="inline-flex rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
              Download the delivery document (PDF)
            </a>
          </p>
        ) : (
          <p className="mt-4 text-sm text-stone-600">Only admins can download the delivery document.</p>
        )}
      </section>

      <section aria-labelledby="deliveries-heading" className="mt-8">
        <h2 id="deliveries-heading" className="text-lg font-semibold text-stone-900">Deliveries</h2>
        <p className="mt-1 text-sm text-stone-600">
          What you record here appears at once on the letter page, as a short timeline in every language. Signers who asked for
          news hear of a delivery or a response when you send them an update: the &ldquo;Tell signers&rdquo; buttons write one for you
          to read and send.
        </p>
        {deliveries.length === 0 ? (
          <p className="mt-3 text-sm text-stone-700">No delivery recorded yet.</p>
        ) : (
          <ol className="mt-4 space-y-5">
            {deliveries.map((delivery) => {
              const photo = deliveryPhotoPath(letter.slug, delivery);
              return (
                <li key={delivery.id} className={card} data-testid="admin-delivery">
                  <h3 className="font-semibold text-stone-900">
                    Delivered to {delivery.deliveredTo} on {dayFormat.format(delivery.deliveredOn)}
                  </h3>
                  <p className="mt-1 text-sm text-stone-700">
                    {DELIVERY_METHOD_LABELS[delivery.method as DeliveryMethod] ?? delivery.method}
                    {delivery.link ? <> · <a href={delivery.link} className="font-medium text-brand-700 hover:underline" rel="noopener noreferrer">link</a></> : null}
                    {photo ? <> · <a href={photo} className="font-medium text-brand-700 hover:underline">photo</a></> : null}
                  </p>
                  <p className="mt-1 text-sm text-stone-700">
                    {delivery.responseReceivedOn
                      ? `Response from ${delivery.responseFrom} received on ${dayFormat.format(delivery.responseReceivedOn)}.`
                      : "No response recorded yet."}
                  </p>
                  {mayTellSigners ? (
                    <div className="mt-3 flex flex-wrap gap-2">
                      <form action={draftDeliveryUpdateAction.bind(null, letter.slug, delivery.id, "delivery")}>
                        <button type="submit" className={tellButton}>Tell signers who asked for news about this delivery</button>
                      </form>
                      {delivery.responseReceivedOn ? (
                        <form action={draftDeliveryUpdateAction.bind(null, letter.slug, delivery.id, "response")}>
                          <button type="submit" className={tellButton}>Tell them about the response</button>
                        </form>
                      ) : null}
                    </div>
                  ) : null}
                  {isAdmin ? (
                    <div className="mt-4 space-y-3">
                      <details className="rounded-lg border border-stone-200 p-3">
                        <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit this delivery</summary>
                        <div className="mt-3">
                          <DeliveryForm
                            action={deliveryAction.bind(null, letter.slug)}
                            today={today}
                            delivery={{
                              id: delivery.id,
                              deliveredTo: delivery.deliveredTo,
                              deliveredOn: isoDay(delivery.deliveredOn),
                              method: delivery.method,
                              link: delivery.link ?? "",
                              note: delivery.note ?? "",
                              hasPhoto: !!delivery.photoDigest,
                            }}
                          />
                        </div>
                      </details>
                      <section aria-labelledby={`response-heading-${delivery.id}`} className="rounded-lg border border-stone-200 p-3">
                        <h4 id={`response-heading-${delivery.id}`} className="text-sm font-semibold text-stone-900">The addressee&apos;s response</h4>
                        <div className="mt-3">
                          <DeliveryResponseForm
                            action={deliveryResponseAction.bind(null, letter.slug, delivery.id)}
                            deliveryId={delivery.id}
                            today={today}
                            response={
                              delivery.responseReceivedOn
                                ? { responseReceivedOn: isoDay(delivery.responseReceivedOn), responseFrom: delivery.responseFrom ?? "", responseText: delivery.responseText ?? "" }
                                : null
                            }
                          />
                        </div>
                      </section>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {isAdmin ? (
        <section aria-labelledby="record-heading" className={`mt-8 ${card}`}>
          <h2 id="record-heading" className="text-lg font-semibold text-stone-900">Record a delivery</h2>
          <div className="mt-4">
            <DeliveryForm action={deliveryAction.bind(null, letter.slug)} today={today} />
          </div>
        </section>
      ) : (
        <p className="mt-8 text-sm text-stone-600">Only admins can record deliveries and responses.</p>
      )}
    </div>
  );
}
