/** What the officer screens read, through the public API only, kept on the device for use
 * without signal; and the collection sheet, queued with its client key. */
import type { components } from "../api/schema";
import { api } from "../api/session";
import type { OfflineQueue } from "../queue/queue";
import { recall, remember, type Store } from "../queue/store";
import type { SheetIn } from "./sheet";

// The API sends every field of these (null when empty); the document marks them optional.
export type Group = Required<components["schemas"]["SavingsGroupOut"]>;
type MemberOut = components["schemas"]["SavingsMemberOut"];
// can_borrow_thb comes with one member (`savings_members.get`), not in the group's list.
export type Member = Required<Omit<MemberOut, "can_borrow_thb">> & Pick<MemberOut, "can_borrow_thb">;
export type Loan = Required<components["schemas"]["LoanOut"]>;

export interface GroupFile {
  group: Group;
  members: Member[];
  loans: Loan[];
}

export interface Read<T> {
  value: T;
  offline: boolean; // the copy kept on this device (no signal)
}

/** Read from the server (kept for later), or the copy kept here when that fails. */
async function readOrRecall<T>(store: Store, key: string, read: () => Promise<T>): Promise<Read<T> | null> {
  try {
    const value = await read();
    await remember(store, key, value);
    return { value, offline: false };
  } catch {
    const kept = await recall<T>(store, key);
    return kept === undefined ? null : { value: kept, offline: true };
  }
}

interface Page<T> {
  items?: T[];
  next?: string | null;
}

/** Every page of a list (a group's members or loans: tens, rarely more than one page). */
async function allPages<T>(read: (after: string | undefined) => Promise<Page<T> | undefined>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  do {
    const page = await read(after);
    if (!page) throw new Error("not loaded");
    all.push(...(page.items ?? []));
    after = page.next ?? undefined;
  } while (after);
  return all;
}

export function openGroups(store: Store): Promise<Read<Group[]> | null> {
  return readOrRecall(store, "savings:groups", async () => {
    const groups = await allPages(async (after) => {
      const query = { limit: 200, ...(after ? { after } : {}) };
      return (await api.GET("/api/v1/savings-groups", { params: { query } })).data;
    });
    return groups as Group[];
  });
}

/** The group's file; each of its loans is kept too, so a loan's schedule opens offline. */
export async function openGroup(store: Store, groupId: string): Promise<Read<GroupFile> | null> {
  const read = await readOrRecall(store, `savings:group:${groupId}`, () => readGroup(groupId));
  if (read && !read.offline) {
    await Promise.all(read.value.loans.map((loan) => remember(store, `savings:loan:${loan.id}`, loan)));
  }
  return read;
}

/** Every group's file kept on the device while there is signal: the officer's working set. */
export async function keepGroups(store: Store, groups: Group[]): Promise<void> {
  await Promise.all(groups.map((group) => openGroup(store, group.id)));
}

async function readGroup(groupId: string): Promise<GroupFile> {
  const path = { savings_group_id: groupId };
  const query = (after: string | undefined) => ({ limit: 200, ...(after ? { after } : {}) });
  const [group, members, loans] = await Promise.all([
    api.GET("/api/v1/savings-groups/{savings_group_id}", { params: { path } }),
    allPages(async (after) =>
      (await api.GET("/api/v1/savings-groups/{savings_group_id}/members", { params: { path, query: query(after) } })).data),
    allPages(async (after) =>
      (await api.GET("/api/v1/savings-groups/{savings_group_id}/loans", { params: { path, query: query(after) } })).data),
  ]);
  if (!group.data) throw new Error("group not loaded");
  return { group: group.data as Group, members: members as Member[], loans: loans as Loan[] };
}

export function openLoan(store: Store, loanId: string): Promise<Read<Loan> | null> {
  return readOrRecall(store, `savings:loan:${loanId}`, async () => {
    const { data } = await api.GET("/api/v1/loans/{loan_id}", { params: { path: { loan_id: loanId } } });
    if (!data) throw new Error("loan not loaded");
    return data as Loan;
  });
}

/** Loans a member still owes on or has asked for (closed, rejected and written-off ones are history). */
export function openLoans(loans: Loan[]): Loan[] {
  return loans.filter((loan) => ["applied", "approved", "disbursed"].includes(loan.status));
}

export function memberName(member: Pick<Member, "member_no" | "first_name" | "last_name">): string {
  return `${member.member_no}. ${member.first_name} ${member.last_name}`;
}

/** The sheet goes into the queue with its own client key: the API posts it once, however often
 * it is sent (a lost answer, a second press, a reload mid-send). */
export function queueSheet(queue: OfflineQueue, groupId: string, sheet: SheetIn, label: string) {
  return queue.add({
    kind: "sheet",
    method: "POST",
    path: `/api/v1/savings-groups/${groupId}/collection-sheets`,
    body: { ...sheet },
    groupId,
    label,
  });
}
