using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.History;
using ParIndex.Data.Notifications;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Notifications;

/// <summary>
/// Decides what to announce and creates the notifications (ADR 0119): state-change notices read
/// from the append-only history after a cursor (the history is the outbox; no service has a hook),
/// and deadline reminders at the configured lead times. Running it twice, or on two instances at
/// once, creates nothing twice: every notification has an idempotency key.
/// </summary>
public sealed class NotificationPlanner(ParIndexDbContext db, IOptions<NotificationOptions> options, IOptions<SmtpOptions> smtp, ILogger<NotificationPlanner> logger)
{
    private const int HistoryBatch = 500;

    private NotificationOptions Options => options.Value;

    private NotificationRecipients Recipients => new(db);

    /// <summary>One planning pass at <paramref name="now"/>; returns the number of notifications created.</summary>
    public async Task<int> PlanAsync(DateTime now, CancellationToken cancellationToken) =>
        await PlanStateChangesAsync(now, cancellationToken) + await PlanRemindersAsync(now, cancellationToken);

    /// <summary>Reads the workflow moves recorded since the cursor and announces them.</summary>
    public async Task<int> PlanStateChangesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var writer = Writer;
        var created = 0;
        var settled = now.AddSeconds(-Math.Max(0, Options.SettleSeconds));
        var oldest = now - Options.MaxEventAge;
        var last = await CursorAsync(cancellationToken);
        while (true)
        {
            var rows = await db.History.AsNoTracking()
                .Where(h => h.Id > last)
                .OrderBy(h => h.Id).Take(HistoryBatch)
                .Select(h => new { h.Id, h.At, h.Entity, h.Field, h.AssessmentId, h.NewValue })
                .ToListAsync(cancellationToken);
            var reached = last;
            foreach (var row in rows)
            {
                if (row.At > settled)
                {
                    // Too young: a transaction that took a smaller id may not have committed yet.
                    break;
                }

                if (row.At >= oldest && row.Entity == nameof(Assessment) && row.Field == "Status" && row.AssessmentId is { } id
                    && Enum.TryParse<AssessmentStatus>(row.NewValue, out var status))
                {
                    created += await AnnounceAsync(writer, row.Id, id, status, row.At, now, cancellationToken);
                }

                reached = row.Id;
            }

            if (reached == last)
            {
                return created;
            }

            await MoveCursorAsync(reached, cancellationToken);
            last = reached;
        }
    }

    private async Task<int> AnnounceAsync(NotificationWriter writer, long historyId, int assessmentId, AssessmentStatus status, DateTime at, DateTime now, CancellationToken cancellationToken)
    {
        if (status is not (AssessmentStatus.Submitted or AssessmentStatus.PreliminarySent or AssessmentStatus.Published))
        {
            return 0;
        }

        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Campaign).Include(a => a.Unit)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null || assessment.Campaign!.IsSample)
        {
            // Generated sample campaigns write a whole workflow at once: nobody is to be told.
            return 0;
        }

        var (kind, message, recipients) = status switch
        {
            AssessmentStatus.Submitted => (NotificationKinds.Submitted, NotificationMessages.Submitted(assessment, at),
                await Recipients.ReviewersAsync(assessment, now, cancellationToken)),
            AssessmentStatus.PreliminarySent => (NotificationKinds.PreliminarySent, NotificationMessages.PreliminarySent(assessment, at),
                await Recipients.UnitPeopleAsync(assessment.UnitId, now, cancellationToken)),
            _ => (NotificationKinds.Published, NotificationMessages.Published(assessment, at),
                await Recipients.UnitPeopleAsync(assessment.UnitId, now, cancellationToken)),
        };
        var created = 0;
        foreach (var recipient in recipients)
        {
            // The occasion is the history row: a second submission (after a withdrawal) is news again.
            var key = $"{kind}:a{assessmentId}:h{historyId}:u{recipient.UserId}";
            created += await writer.AddOnceAsync(recipient, kind, key, message, now, cancellationToken) ? 1 : 0;
        }

        return created;
    }

    /// <summary>
    /// Reminds units whose assessment is still in the state a deadline concerns (draft for the
    /// self-assessment deadline, with the unit's exception; preliminary result received for the
    /// response deadline), once per deadline instant and lead time. When several lead times are due
    /// at once only the nearest is sent.
    /// </summary>
    public async Task<int> PlanRemindersAsync(DateTime now, CancellationToken cancellationToken)
    {
        var writer = Writer;
        var open = await db.Assessments.AsNoTracking().Include(a => a.Campaign).Include(a => a.Unit)
            .Where(a => !a.Campaign!.IsSample && a.Campaign.PublishedAt == null
                && (a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.PreliminarySent))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var created = 0;
        foreach (var assessment in open)
        {
            var (kind, deadline) = assessment.Status == AssessmentStatus.Draft
                ? (NotificationKinds.SelfAssessmentDeadline, AssessmentAccess.EffectiveDeadline(assessment, assessment.Campaign!))
                : (NotificationKinds.ResponseDeadline, assessment.Campaign!.ResponseDeadline);
            if (deadline is not { } due || now >= due)
            {
                continue;
            }

            var leads = Options.LeadTimes.Where(lead => now >= due - lead).ToList();
            if (leads.Count == 0)
            {
                continue;
            }

            var lead = leads.Min();
            var message = kind == NotificationKinds.SelfAssessmentDeadline
                ? NotificationMessages.SelfAssessmentDeadline(assessment, due, now)
                : NotificationMessages.ResponseDeadline(assessment, due, now);
            foreach (var recipient in await Recipients.UnitPeopleAsync(assessment.UnitId, now, cancellationToken))
            {
                // A moved deadline is a new occasion; the same deadline and lead time is not.
                var key = string.Create(CultureInfo.InvariantCulture, $"{kind}:a{assessment.Id}:{due:yyyyMMddTHHmmssZ}:{(long)lead.TotalMinutes}m:u{recipient.UserId}");
                created += await writer.AddOnceAsync(recipient, kind, key, message, now, cancellationToken) ? 1 : 0;
            }
        }

        return created;
    }

    private NotificationWriter Writer => new(db, smtp);

    private async Task<long> CursorAsync(CancellationToken cancellationToken)
    {
        var cursor = await db.NotificationCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == NotificationCursor.History, cancellationToken);
        if (cursor is not null)
        {
            return cursor.LastId;
        }

        db.NotificationCursors.Add(new NotificationCursor { Name = NotificationCursor.History, LastId = 0 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Another instance made it first.
            logger.LogDebug("The notification cursor was created by another instance.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return 0;
    }

    /// <summary>Forward only: a slower instance never moves the cursor back.</summary>
    private Task<int> MoveCursorAsync(long reached, CancellationToken cancellationToken) =>
        db.NotificationCursors
            .Where(c => c.Name == NotificationCursor.History && c.LastId < reached)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastId, reached), cancellationToken);
}
