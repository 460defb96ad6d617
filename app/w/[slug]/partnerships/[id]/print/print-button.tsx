"use client";
import { Button } from "../../../../../_components/button";

export function PrintButton() {
  return <Button onClick={() => window.print()}>Print / Save as PDF</Button>;
}
