"use client";
// What the last move on each item came to ("Accepted the ask.", "This ask was already accepted."),
// kept above the groups: a move takes an item from one group to another, which mounts its card
// afresh, and the sentence must follow it there.
import { createContext, useContext, useState, type ReactNode } from "react";

export interface MoveNote {
  tone: "success" | "error";
  text: string;
}

const Notes = createContext<{ notes: Record<string, MoveNote>; say: (itemId: string, note: MoveNote | null) => void } | null>(null);

export function MoveNotesProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Record<string, MoveNote>>({});
  const say = (itemId: string, note: MoveNote | null) =>
    setNotes((all) => {
      const next = { ...all };
      if (note) next[itemId] = note;
      else delete next[itemId];
      return next;
    });
  return <Notes.Provider value={{ notes, say }}>{children}</Notes.Provider>;
}

export function useMoveNote(itemId: string) {
  const context = useContext(Notes);
  if (!context) throw new Error("useMoveNote needs a MoveNotesProvider around it.");
  return [context.notes[itemId] ?? null, (note: MoveNote | null) => context.say(itemId, note)] as const;
}
