export { privatePageHeaders as raterPageHeaders } from "~/utils/headers";
