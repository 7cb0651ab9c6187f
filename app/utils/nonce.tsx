import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

/** The CSP nonce of this response, for the few inline scripts Remix renders. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
