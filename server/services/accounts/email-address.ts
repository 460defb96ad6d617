// One spelling of an email address: accounts are found by it, whatever case or spaces were typed.
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

// The part after the @, for SSO's domain rules.
export const emailDomain = (email: string) => normaliseEmail(email).split("@").pop() ?? "";
