import { PageHeader } from "../../../../../_components/card";
import { date } from "../../../../../_lib/format";
import type { Form } from "./answers";
import { SurveyForm } from "./survey-form";
import type { SurveyPlace } from "./survey-place";

// A survey page's content, in the workspace or on a personal survey link's pages.
export function SurveyView({ slug, workspaceName, form, place }: { slug: string; workspaceName: string; form: Form; place: SurveyPlace }) {
  const other = form.side === "PARTNER" ? workspaceName : form.partnership.partnerName;
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
      />
      <SurveyForm slug={slug} form={form} place={place} />
    </>
  );
}
