"use client";
import { useParams } from "next/navigation";
import { AccessRefusal } from "../../_components/access-refusal";

// Inside a workspace the person belongs to: the page keeps the workspace's navigation, and the
// way back leads to this workspace rather than to the list of all of them.
export default function WorkspaceNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return <AccessRefusal kind="not-found" home={`/w/${slug}`} />;
}
