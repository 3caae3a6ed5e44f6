import type { PGlite, Transaction } from "@electric-sql/pglite";
import { nextTurn } from "../event-loop-turns.ts";

/**
 * Embedded PGlite runs every statement inside this process. Statements that
 * concurrent requests queue up would run back to back in one turn of the
 * event loop (each starts as the previous one's promise settles), holding
 * every other request, timer and socket meanwhile: 8 parallel message appends
 * kept the loop busy ~80 ms at a time. This wrapper gives each statement its
 * own turn: statements run one at a time, as PGlite runs them anyway, with
 * the loop free to serve I/O between them (inside a transaction too, which
 * holds the database for its whole length as before).
 */
export function takingTurns(lite: PGlite): PGlite {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = previous.then(() => nextTurn()).then(work);
    previous = run.catch(() => undefined);
    return run;
  };
  return new Proxy(lite, {
    get(target, property) {
      if (property === "query" || property === "exec") {
        const method = target[property].bind(target) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => inTurn(() => method(...args));
      }
      if (property === "transaction")
        return <T>(callback: (tx: Transaction) => Promise<T>) =>
          inTurn(() => target.transaction((tx) => callback(turnByTurn(tx))));
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A transaction whose statements each wait for the next turn of the loop. */
function turnByTurn(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if ((property === "query" || property === "exec") && typeof value === "function")
        return async (...args: unknown[]) => {
          await nextTurn();
          return value.apply(target, args);
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
