import { render } from "preact";
import { registerSW } from "virtual:pwa-register";
import { askFirstQuestions } from "./api/early";
import { App } from "./app";
import { OfflineQueue } from "./queue/queue";
import { openStore } from "./queue/store";
import "./styles.css";

async function start(): Promise<void> {
  askFirstQuestions(); // before anything else: the preloaded answers are taken up at once
  const store = await openStore();
  const queue = new OfflineQueue(store);
  const root = document.getElementById("app");
  if (root) render(<App store={store} queue={queue} />, root);
  void queue.recover();
  if ("serviceWorker" in navigator) registerSW({ immediate: true });
}

void start();
