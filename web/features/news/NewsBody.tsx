import { type Block, parseBody } from "./body.ts";

/**
 * An article body as React elements: paragraphs, `## ` subheadings (h2) and `- ` lists. Text is
 * always text: nothing is ever rendered as HTML, so a body cannot inject markup or scripts.
 */
export function NewsBody({ body, headingLevel = 2 }: { body: string; headingLevel?: 2 | 3 }) {
  const blocks: Block[] = parseBody(body);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="news-body">
      {blocks.map((block, i) => {
        const key = `${block.type}-${i}`;
        if (block.type === "heading") return <Heading key={key}>{block.text}</Heading>;
        if (block.type === "list") {
          return (
            <ul key={key}>
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are positional text without ids
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        }
        return <p key={key}>{block.text}</p>;
      })}
    </div>
  );
}
