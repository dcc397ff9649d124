/** Limits of the API that the web app needs too, apart from the schemas (and Zod) that enforce them. */

/** How many users one request may ask for by id. */
export const USER_IDS_MAX = 100;
