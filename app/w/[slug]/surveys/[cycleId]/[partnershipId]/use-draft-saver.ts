"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { DraftSaver } from "./draft-saver";

// One saver per mounted form, wired to the page's lifecycle: hiding or closing the page sends
// what is pending, and coming back online retries at once.
export function useDraftSaver(create: () => DraftSaver) {
  const [saver] = useState(create);
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus, saver.getStatus);
  useEffect(() => {
    saver.start();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") saver.flush();
    };
    const onPageHide = () => saver.flush();
    const onOnline = () => saver.reconnected();
    const onOffline = () => saver.wentOffline();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      saver.dispose();
    };
  }, [saver]);
  return { saver, status };
}
