// Password rules, apart from hashing so that client forms can show the same rule the server
// enforces without loading argon2.
export const MIN_PASSWORD_LENGTH = 10;
