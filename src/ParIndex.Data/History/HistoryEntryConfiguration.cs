using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.History;

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.Property(h => h.UserName).HasMaxLength(TextLimits.UserName);
        builder.Property(h => h.Reason).HasMaxLength(TextLimits.Reason);
        builder.Property(h => h.Entity).HasMaxLength(50);
        builder.Property(h => h.LeafCode).HasMaxLength(32);
        builder.Property(h => h.Field).HasMaxLength(50);
        builder.HasIndex(h => new { h.AssessmentId, h.LeafCode });
    }
}
