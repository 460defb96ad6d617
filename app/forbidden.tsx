import { AccessRefusal } from "./_components/access-refusal";

// Rendered by forbidden() (needs experimental.authInterrupts), with HTTP 403.
export default function Forbidden() {
  return (
    <main id="main">
      <AccessRefusal kind="forbidden" />
    </main>
  );
}
