import { Card, PageHeader } from "../../../../_components/card";
import { adminCall } from "../_lib/admin-call";
import { ImportWizard } from "./import-wizard";

export const metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const DOWNLOADS = [
  { path: "partner-organisations", label: "Partner organisations" },
  { path: "partnerships", label: "Partnerships" },
  { path: "people", label: "People" },
];

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await adminCall(slug, async () => null);
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring partner organisations, partnerships and people in from a CSV or Excel file. You see every row's errors and what will change before anything is saved; importing the same file again changes nothing."
      />
      <div className="space-y-6">
        <ImportWizard slug={slug} />
        <Card
          title="Export"
          description="The same columns the import reads: download, edit in a spreadsheet, and import the file back. Import partner organisations before the partnerships and people that name them."
        >
          <ul className="flex flex-wrap gap-4 text-sm">
            {DOWNLOADS.map((d) => (
              <li key={d.path}>
                <a href={`/w/${slug}/admin/import/export/${d.path}`} className="text-brand-700 hover:underline" download>
                  {d.label} (CSV)
                </a>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
