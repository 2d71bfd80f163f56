/** Whether an endpoint is on, and whether it receives personal data. */
export function EndpointBadges({ endpoint }: { endpoint: { enabled: boolean; personalData: boolean } }) {
  return (
    <>
      {endpoint.enabled ? (
        <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">On</span>
      ) : (
        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Off</span>
      )}
      {endpoint.personalData ? (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Personal data</span>
      ) : null}
    </>
  );
}
