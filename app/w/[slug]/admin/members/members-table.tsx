import type { ComponentProps } from "react";
import { Table } from "../../../../_components/table";
import { MemberRow } from "./member-row";

type RowProps = ComponentProps<typeof MemberRow>;

interface Props extends Omit<RowProps, "member"> {
  caption: string;
  members: RowProps["member"][];
}

const COLUMNS = [
  { label: "Name" },
  { label: "Email" },
  { label: "Role" },
  { label: "Partner organisation" },
  { label: "Member since" },
  { label: "Actions", visuallyHidden: true },
];

export function MembersTable({ caption, members, ...row }: Props) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {members.map((m) => (
        <MemberRow key={m.id} member={m} {...row} />
      ))}
    </Table>
  );
}
