namespace ParIndex.Data.Notifications;

/// <summary>
/// How far the planner has read an append-only source (the history table is the outbox of the
/// state-change notices): the last processed id. Moved forward only (ADR 0119).
/// </summary>
public sealed class NotificationCursor
{
    public const string History = "history";

    public required string Name { get; set; }

    public long LastId { get; set; }
}
