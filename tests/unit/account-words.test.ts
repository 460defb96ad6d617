// The account page's words: devices from user agents, activity lines from audit details, and
// which email kinds follow which choice.
import { describe, expect, it } from "vitest";
import { describeAccountEvent } from "../../server/services/accounts/activity";
import { describeUserAgent } from "../../server/services/accounts/user-agent";
import { PREFERENCE_OF, turnedOff } from "../../server/services/email/preferences";

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari on iPhone",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
      "Chrome on iPhone",
    ],
    ["Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0", "Firefox on Android"],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "Headless Chrome on Linux",
    ],
    ["curl/8.5.0", "curl"],
    ["Something (Windows NT 10.0)", "A browser on Windows"],
    ["???", "Unknown browser"],
    [null, "Unknown device"],
  ])("%s -> %s", (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});

describe("describeAccountEvent", () => {
  it("says what each account event's detail holds", () => {
    expect(describeAccountEvent("signin.succeeded", { method: "SSO" })).toBe("With single sign-on");
    expect(describeAccountEvent("signin.failed", { reason: "ceiling" })).toMatch(/a password alone was not accepted/);
    expect(describeAccountEvent("sessions.ended", { count: 3, reason: "SIGNED_OUT_EVERYWHERE" })).toBe(
      "Signed out everywhere: 3 sessions ended",
    );
    expect(describeAccountEvent("sessions.ended", { count: 1, reason: "SIGNED_OUT", device: "Safari on iPhone" })).toBe(
      "Signed out Safari on iPhone from the account page",
    );
    expect(describeAccountEvent("password.changed", { firstPassword: true, otherSessionsEnded: 1 })).toBe(
      "Password chosen; 1 other session signed out",
    );
    expect(describeAccountEvent("email.changed", { from: "a@x.test", to: "b@x.test" })).toBe("From a@x.test to b@x.test");
    expect(describeAccountEvent("account.updated", { emails: { emailAlerts: false, emailSurveyReminders: true } })).toBe(
      "Emails: alerts off, survey reminders on",
    );
  });

  it("reads odd or missing details as nothing rather than failing", () => {
    for (const detail of [null, undefined, "text", 3, [], { reason: 7 }, { emails: null }]) {
      for (const action of ["signin.failed", "sessions.ended", "account.updated", "email.changed", "unknown.action"]) {
        expect(typeof describeAccountEvent(action, detail)).toBe("string");
      }
    }
  });
});

describe("email choices", () => {
  it("leave survey invitations and workspace invitations alone", () => {
    const off = { emailSurveyReminders: false, emailActionReminders: false, emailAlerts: false, emailRetroSummaries: false };
    expect(turnedOff("SURVEY_OPEN", off)).toBeNull();
    expect(turnedOff("INVITATION", off)).toBeNull();
    expect(turnedOff("REMINDER", off)).toMatch(/survey reminder/);
    // Every choice governs some email, and nothing else does (asks and offers follow action reminders).
    expect([...new Set(Object.values(PREFERENCE_OF).filter(Boolean))].sort()).toEqual(Object.keys(off).sort());
    expect(PREFERENCE_OF.EXCHANGE).toBe("emailActionReminders");
  });
});
