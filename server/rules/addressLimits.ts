/**
 * What one network address may do in a window of time, across every class of
 * a server process: join, fail to join, try wrong codes or keys, or be cut
 * off for abuse. Limits are set so a whole school behind one address stays
 * within them, while a script guessing codes or churning seats does not.
 * Time is passed in.
 */
import { Limits } from "../../shared/protocol.ts";
import { type Rate, type RateWindows, withinRate } from "./rateLimits.ts";

export const AddressEvent = {
  /** A join or a class creation through matchmaking. */
  Join: "join",
  /** A join that was refused (wrong code, full, closed…). */
  FailedJoin: "failedJoin",
  /** A request whose class code or teacher key did not match. */
  FailedKey: "failedKey",
  /** A connection the server cut off for abuse. */
  CutOff: "cutOff",
} as const;
export type AddressEvent = (typeof AddressEvent)[keyof typeof AddressEvent];

export type AddressRates = Record<AddressEvent, Rate>;

export const DEFAULT_ADDRESS_RATES: AddressRates = {
  join: { count: Limits.perAddressPerMinute.joins, perMs: 60_000 },
  failedJoin: { count: Limits.perAddressPerMinute.failedJoins, perMs: 60_000 },
  failedKey: { count: Limits.perAddressPerMinute.failedKeys, perMs: 60_000 },
  cutOff: { count: Limits.abuseCutOffsPerTenMinutes, perMs: 10 * 60_000 },
};

/** Addresses remembered at most; the oldest is forgotten first (a flood of addresses cannot exhaust memory). */
const MAX_TRACKED = 20_000;

export class AddressLimits {
  private readonly windows: RateWindows = new Map();

  constructor(
    readonly rates: AddressRates = DEFAULT_ADDRESS_RATES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event; false when the address was already at its limit for that kind. */
  count(event: AddressEvent, address: string): boolean {
    const within = withinRate(this.windows, `${event}:${address}`, this.rates[event], this.now());
    if (this.windows.size > MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
    return within;
  }

  /** True while the address is at or past its limit for that kind. */
  exhausted(event: AddressEvent, address: string): boolean {
    const rate = this.rates[event];
    const recent = (this.windows.get(`${event}:${address}`) ?? []).filter((at) => this.now() - at < rate.perMs);
    return recent.length >= rate.count;
  }

  /** Why requests from this address to join are refused now, if they are. */
  joinBlocked(address: string): "tooManyJoins" | "tooManyFailures" | "cutOffForAbuse" | undefined {
    if (this.exhausted(AddressEvent.CutOff, address)) return "cutOffForAbuse";
    if (this.exhausted(AddressEvent.FailedJoin, address)) return "tooManyFailures";
    if (this.exhausted(AddressEvent.Join, address)) return "tooManyJoins";
    return undefined;
  }
}
