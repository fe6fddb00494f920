using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.CampaignId, a.UnitId }).IsUnique();
        builder.HasOne(a => a.Campaign).WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LeafEntryConfiguration : IEntityTypeConfiguration<LeafEntry>
{
    public void Configure(EntityTypeBuilder<LeafEntry> builder)
    {
        builder.Property(e => e.LeafCode).HasMaxLength(32);
        builder.Property(e => e.Level).HasMaxLength(TextLimits.Level);
        builder.Property(e => e.Explanation).HasMaxLength(TextLimits.Explanation);
        builder.Property(e => e.AppraisalReason).HasMaxLength(TextLimits.Reason);
        builder.Property(e => e.FinalReason).HasMaxLength(TextLimits.Reason);
        builder.Property(e => e.ResponseText).HasMaxLength(TextLimits.ResponseText);
        builder.Property(e => e.UpdatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(e => e.AppraisedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(e => e.RespondedBy).HasMaxLength(TextLimits.UserName);
        builder.Ignore(e => e.EffectiveFinalScore);
        builder.Ignore(e => e.IsAdjusted);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.AssessmentId, e.LeafCode }).IsUnique();
        builder.HasOne(e => e.Assessment).WithMany(a => a.Entries).HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Evidence).WithMany(f => f.Leaves).UsingEntity("LeafEvidence");
    }
}
