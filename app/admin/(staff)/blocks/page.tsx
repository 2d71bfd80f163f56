import type { Metadata } from "next";
import { BlockRuleForm } from "@/components/admin/block-rule-form";
import { RemoveBlockRule } from "@/components/admin/remove-block-rule";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listBlockRules, type ListedBlockRule } from "@/lib/defences/list-block-rules";
import { BLOCK_LIST_TITLE, type BlockKind } from "@/lib/validation/block-rule";
import { addBlockRuleAction, removeBlockRuleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Blocks" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const LISTS: { kind: BlockKind; about: string; valueLabel: string; example: string }[] = [
  {
    kind: "network",
    about: "Signings from these network ranges. IPv4 or IPv6, with the prefix length; a single address blocks only itself.",
    valueLabel: "Range",
    example: "203.0.113.0/24",
  },
  {
    kind: "domain",
    about: "Signings with an email address at these domains. example.org blocks that domain only; *.example.org blocks it and every name under it, like mail.example.org.",
    valueLabel: "Domain",
    example: "*.example.org",
  },
  {
    kind: "address",
    about: "Signings from these email addresses. One entry covers every spelling of the mailbox: capitals, +tags and, at Gmail, dots are ignored.",
    valueLabel: "Email address",
    example: "name@example.org",
  },
  {
    kind: "allow_network",
    about: "Many people signing from one of these ranges (an office, a university) are not flagged as a flood. The block lists still apply to them.",
    valueLabel: "Range",
    example: "192.0.2.0/24",
  },
];

export default async function BlocksPage() {
  await requireStaffPage("manage_blocks");
  const rules = await listBlockRules();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Blocks</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          A blocked signer sees the usual “check your email” page and is sent nothing. Their signature is marked as fraud at
          once, never counts, and moderators see which entry caught it. Every addition and removal is in the audit log.
        </p>
      </div>
      {LISTS.map((list) => ({ ...list, title: BLOCK_LIST_TITLE[list.kind] })).map((list) => (
        <section key={list.kind} aria-labelledby={`${list.kind}-heading`} data-testid={`block-list-${list.kind}`}
          className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id={`${list.kind}-heading`} className="font-semibold text-stone-900">
            {list.title} <span className="font-normal text-stone-500">({rules[list.kind].length})</span>
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-stone-600">{list.about}</p>
          <div className="mt-4">
            <BlockRuleForm kind={list.kind} action={addBlockRuleAction} valueLabel={list.valueLabel} example={list.example} />
          </div>
          {rules[list.kind].length === 0 ? (
            <p className="mt-4 text-sm text-stone-500">Nothing on this list.</p>
          ) : (
            <ul aria-label={list.title} className="mt-4 divide-y divide-stone-200 border-t border-stone-200">
              {rules[list.kind].map((rule) => <Entry key={rule.id} rule={rule} listTitle={list.title} />)}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function Entry({ rule, listTitle }: { rule: ListedBlockRule; listTitle: string }) {
  return (
    <li className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-center" data-testid="block-rule">
      <div className="min-w-0">
        <p className="break-all font-mono text-sm font-medium text-stone-900">{rule.value}</p>
        <p className="mt-0.5 text-sm text-stone-700">{rule.reason}</p>
        <p className="mt-0.5 text-xs text-stone-500">
          Added by {rule.addedBy ?? "the operator"} on{" "}
          <time dateTime={rule.createdAt.toISOString()}>{when.format(rule.createdAt)} UTC</time>
        </p>
      </div>
      <RemoveBlockRule id={rule.id} label={`Remove ${rule.value} from ${listTitle.toLowerCase()}`} action={removeBlockRuleAction} />
    </li>
  );
}
