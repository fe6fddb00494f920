using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SurveyMemo",
                table: "LeafEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyQuestionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RespondentGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestionnaires_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuotaTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: false),
                    Margin = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuotaTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuotaTargets_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyQuotaTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveySipasResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidAnswers = table.Column<long>(type: "INTEGER", nullable: false),
                    SatisfiedAnswers = table.Column<long>(type: "INTEGER", nullable: false),
                    Share = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySipasResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveySipasResults_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveySipasResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Respondents = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyBatches_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyBatches_SurveyQuestionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "SurveyQuestionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswerCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnswerKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Answers = table.Column<long>(type: "INTEGER", nullable: false),
                    WeightSum = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswerCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswerCounts_SurveyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "SurveyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnswerKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "SurveyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswerCounts_BatchId_UnitId_QuestionCode_AnswerKey",
                table: "SurveyAnswerCounts",
                columns: new[] { "BatchId", "UnitId", "QuestionCode", "AnswerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_BatchId",
                table: "SurveyAnswers",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyBatches_CampaignId_ContentHash",
                table: "SurveyBatches",
                columns: new[] { "CampaignId", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyBatches_QuestionnaireId",
                table: "SurveyBatches",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestionnaires_CampaignId_Code",
                table: "SurveyQuestionnaires",
                columns: new[] { "CampaignId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestionnaires_CampaignId_RespondentGroup",
                table: "SurveyQuestionnaires",
                columns: new[] { "CampaignId", "RespondentGroup" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuotaTargets_CampaignId_UnitId_RespondentGroup",
                table: "SurveyQuotaTargets",
                columns: new[] { "CampaignId", "UnitId", "RespondentGroup" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuotaTargets_UnitId",
                table: "SurveyQuotaTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveySipasResults_CampaignId_UnitId_Component",
                table: "SurveySipasResults",
                columns: new[] { "CampaignId", "UnitId", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveySipasResults_UnitId",
                table: "SurveySipasResults",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyAnswerCounts");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyQuotaTargets");

            migrationBuilder.DropTable(
                name: "SurveySipasResults");

            migrationBuilder.DropTable(
                name: "SurveyBatches");

            migrationBuilder.DropTable(
                name: "SurveyQuestionnaires");

            migrationBuilder.DropColumn(
                name: "SurveyMemo",
                table: "LeafEntries");
        }
    }
}
