/** The savings-group officer's screens, loaded on demand: /savings (my groups),
 * /savings/groups/{id} (members with savings and loans), /savings/groups/{id}/sheet (a meeting's
 * collection sheet), /savings/loans/{id} (a loan's schedule and arrears). */
import { followLink } from "../router";
import { GroupScreen } from "./Group";
import { GroupsScreen } from "./Groups";
import type { SavingsProps } from "./lazy";
import { LoanScreen } from "./Loan";
import { SheetScreen } from "./Sheet";
import { useTexts } from "./text";
import "./savings.css";

export default function Savings(props: SavingsProps) {
  const { v } = useTexts();
  const { path } = props;
  return (
    <>
      <nav aria-label={v("navLabel")} class="subnav">
        <a href="/savings" onClick={followLink} aria-current={path === "/savings" ? "page" : undefined}>
          {v("myGroups")}
        </a>
      </nav>
      {screen(props)}
    </>
  );
}

function screen(props: SavingsProps) {
  const sheet = /^\/savings\/groups\/([^/]+)\/sheet$/.exec(props.path);
  if (sheet?.[1]) return <SheetScreen {...props} groupId={decodeURIComponent(sheet[1])} />;
  const group = /^\/savings\/groups\/([^/]+)$/.exec(props.path);
  if (group?.[1]) return <GroupScreen {...props} groupId={decodeURIComponent(group[1])} />;
  const loan = /^\/savings\/loans\/([^/]+)$/.exec(props.path);
  if (loan?.[1]) return <LoanScreen {...props} loanId={decodeURIComponent(loan[1])} />;
  return <GroupsScreen {...props} />;
}
