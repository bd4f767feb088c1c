-- Issue 22, Referat efter samtalen: the conversation about a summary (her caseworker's notice that it is ready or
-- corrected, then Jeg husker det anderledes and the answers), and indexes for the deletes that follow a
-- point or a conversation.
ALTER TABLE "portal"."meeting_summaries" ADD COLUMN "conversation_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summaries" ADD CONSTRAINT "meeting_summaries_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "portal"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_summaries_conversation" ON "portal"."meeting_summaries" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "summary_recollections_point" ON "portal"."summary_recollections" USING btree ("point_id");