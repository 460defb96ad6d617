import { AccessRefusal } from "./_components/access-refusal";

// Outside any workspace (an unknown address, or a workspace the person is not a member of).
export default function NotFound() {
  return (
    <main id="main">
      <AccessRefusal kind="not-found" />
    </main>
  );
}
