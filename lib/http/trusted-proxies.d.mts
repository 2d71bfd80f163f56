import type { IncomingMessage } from "node:http";

export type Trust = (address: string, hop: number) => boolean;
export declare const CLIENT_ADDRESS_HEADER: string;
export declare const PEER_ADDRESS_HEADER: string;
export declare const FORWARDED_HEADER: string;
export declare function wasForwarded(request: IncomingMessage): boolean;
export declare function parseTrustedProxies(value: string | undefined): Trust;
export declare function clientAddressOf(request: IncomingMessage, trust: Trust): string;
