import { Caption1, Switch, Title3 } from "@fluentui/react-components";
import type { Dispatch } from "react";
import { Language, useMessages } from "../../messages";
import { useHeaderStyles } from "./header.styles";

export interface HeaderProps {
  language: Language;
  onLanguage: Dispatch<Language>;
}

/** The product's name and the English switch. */
export function Header({ language, onLanguage }: HeaderProps) {
  const m = useMessages();
  const styles = useHeaderStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1">{m.app.title}</Title3>
        <Caption1 className={styles.muted}>{m.app.subtitle}</Caption1>
      </div>
      <Switch
        label={{ children: m.app.english, lang: "en" }}
        checked={language === "en"}
        onChange={(_, data) => onLanguage(data.checked ? "en" : "vi")}
      />
    </header>
  );
}
