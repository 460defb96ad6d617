import type { ComponentProps } from "react";
import { MemberRow } from "./member-row";

type RowProps = ComponentProps<typeof MemberRow>;

interface Props extends Omit<RowProps, "member"> {
  caption: string;
  members: RowProps["member"][];
}

export function MembersTable({ caption, members, ...row }: Props) {
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <th scope="col" className="px-5 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Partner organisation</th>
            <th scope="col" className="px-3 py-2">Member since</th>
            <th scope="col" className="px-5 py-2 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <MemberRow key={m.id} member={m} {...row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
