"use client";
import { useParams } from "next/navigation";
import { AccessRefusal } from "../../_components/access-refusal";

// Like not-found.tsx beside it: inside the workspace's navigation, with the way back to it.
export default function WorkspaceForbidden() {
  const { slug } = useParams<{ slug: string }>();
  return <AccessRefusal kind="forbidden" home={`/w/${slug}`} />;
}
