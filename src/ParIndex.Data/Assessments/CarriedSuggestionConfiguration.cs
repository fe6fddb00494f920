using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Assessments;

internal sealed class CarriedSuggestionConfiguration : IEntityTypeConfiguration<CarriedSuggestion>
{
    public void Configure(EntityTypeBuilder<CarriedSuggestion> builder)
    {
        builder.ToTable("CarriedSuggestions");
        builder.HasIndex(s => new { s.AssessmentId, s.LeafCode }).IsUnique();
        builder.HasOne(s => s.Assessment).WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.LeafCode).HasMaxLength(TextLimits.CriterionCode);
        builder.Property(s => s.SourceLeafCodes).HasMaxLength(2_000);
        builder.Property(s => s.Explanation).HasMaxLength(TextLimits.Explanation);
        builder.Property(s => s.EvidenceIds).HasMaxLength(40_000);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DecidedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
