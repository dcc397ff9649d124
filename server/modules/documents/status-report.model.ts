import type { ContractRenewal, Language } from '../../../common/enums.js';
import type { StatusReportFacts } from '../../../common/schemas/document.js';
import type { PdfSection } from './pdf.model.js';
import { paperDate, paperMoney } from './pdf.words.js';
import { REPORT_WORDS } from './status-report.words.js';

/** A status report's facts as the sections of its PDF, worded in its language. */
export function reportSections(f: StatusReportFacts, language: Language): PdfSection[] {
  const w = REPORT_WORDS[language];
  const date = (d: string) => paperDate(d, language);
  const dated = (m: { title: string; dueDate: string }) => `${m.title} — ${w.due(date(m.dueDate))}`;
  const sections: PdfSection[] = [];
  const list = (heading: string, items: string[], empty: string | null = null) => {
    if (items.length || empty) sections.push({ heading, items: items.length ? items : [empty!] });
  };
  list(w.milestonesDone, f.milestonesDone.map(dated));
  list(w.milestonesLate, f.milestonesLate.map(dated));
  list(w.milestonesNext, f.milestonesNext.map(dated));
  list(
    w.tasksDone,
    [...f.tasksDone.map((t) => `${t.title} — ${w.doneOn(date(t.doneOn))}`), ...(f.tasksDoneMore ? [w.tasksDoneMore(f.tasksDoneMore)] : [])],
    w.nothingDone,
  );
  list(
    w.questions,
    [
      ...(f.planAwaitingApproval ? [w.planAwaiting] : []),
      ...f.requirementsAwaiting.map((r) => w.requirementAwaiting(r.text)),
      ...f.blocked.map((b) => w.blocked(b.title)),
    ],
    w.none,
  );
  if (f.budget) {
    const money = (minor: number) => paperMoney(minor, f.budget!.currency, language);
    const items = [w.budgetLine(money(f.budget.budgetMinor))];
    if (f.budget.usedMinor !== null && f.budget.budgetMinor > 0) {
      items.push(w.budgetUsed(money(f.budget.usedMinor), Math.round((f.budget.usedMinor * 100) / f.budget.budgetMinor)));
    }
    sections.push({ heading: w.budget, items });
  }
  return sections;
}

/** A contract's term and renewal as facts under its heading. */
export function contractFacts(
  c: { periodFrom: string | null; periodTo: string | null; renewal: ContractRenewal | null; renewalTerms: string | null },
  language: Language,
): Array<[string, string]> {
  const w = REPORT_WORDS[language];
  const facts: Array<[string, string]> = [];
  if (c.periodFrom || c.periodTo) {
    facts.push([
      w.term,
      `${c.periodFrom ? paperDate(c.periodFrom, language) : '—'} — ${c.periodTo ? paperDate(c.periodTo, language) : '—'}`,
    ]);
  }
  if (c.renewal || c.renewalTerms) {
    facts.push([w.renewal, [c.renewal ? w.renewals[c.renewal] : null, c.renewalTerms].filter(Boolean).join('. ')]);
  }
  return facts;
}
