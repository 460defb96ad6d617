// A page under a personal survey link calls notFound() when the link no longer works, for the
// 404 status; the layout above already says why, so nothing more is shown here.
export default function SurveyLinkNotFound() {
  return null;
}
