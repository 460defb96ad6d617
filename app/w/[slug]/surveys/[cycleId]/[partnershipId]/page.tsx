import { PageHeader } from "../../../../../_components/card";
import { call } from "../../../../../_lib/call";
import { date } from "../../../../../_lib/format";
import { RemindersToggle } from "./reminders-toggle";
import { SurveyForm } from "./survey-form";

export const metadata = { title: "Survey" };
export const dynamic = "force-dynamic";

export default async function SurveyPage({ params }: { params: Promise<{ slug: string; cycleId: string; partnershipId: string }> }) {
  const { slug, cycleId, partnershipId } = await params;
  const [form, workspace] = await call((api) =>
    Promise.all([api.response.form({ workspaceSlug: slug, cycleId, partnershipId }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const other = form.side === "PARTNER" ? workspace.name : form.partnership.partnerName;
  const open = form.cycle.status === "OPEN";
  return (
    <>
      <PageHeader
        title={`${form.partnership.name}: ${form.cycle.label} survey`}
        description={
          <>
            How do you see the partnership today? Rate each statement about your work with {other}. Answers are confidential: results show
            only as averages, and comments without names. {open ? `Open until ${date(form.cycle.closesAt)}.` : null}
          </>
        }
        action={
          open ? <RemindersToggle slug={slug} cycleId={form.cycle.id} cycleLabel={form.cycle.label} muted={form.remindersMuted} /> : null
        }
      />
      <SurveyForm slug={slug} form={form} />
    </>
  );
}
