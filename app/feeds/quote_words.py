"""English words the quote extractor reads (app/feeds/quotes.py): speech verbs in the forms
news copy prints them, the verbs whose clause is reported speech, and the titles and roles that
come before a name. Another language adds its own lists (docs/feeds.md, other languages)."""


def _listed(words: str) -> list[str]:
    return words.split()


_SPEECH = _listed(
    "say says said saying tell tells told add adds added state states stated warn warns "
    "warned insist insists insisted argue argues argued claim claims claimed explain explains "
    "explained note notes noted write writes wrote declare declares declared announce "
    "announces announced ask asks asked reply replies replied respond responds responded "
    "acknowledge acknowledges acknowledged admit admits admitted vow vows vowed pledge pledges "
    "pledged promise promises promised predict predicts predicted describe describes described "
    "call calls called complain complains complained suggest suggests suggested stress stresses "
    "stressed urge urges urged caution cautions cautioned concede concedes conceded confirm "
    "confirms confirmed deny denies denied recall recalls recalled tweet tweets tweeted post "
    "posted quip quipped continue continued conclude concluded observe observed remark "
    "remarked comment commented maintain maintains maintained contend contends contended "
    "assert asserts asserted emphasise emphasised emphasize emphasized agree agrees agreed "
    "reiterate reiterated dismiss dismissed boast boasted shout shouted told recount recounted "
    "allege alleges alleged testify testified reckon reckons reckoned joke joked signal "
    "signals signalled signaled accuse accuses accused telling adding warning insisting "
    "arguing claiming explaining noting announcing stressing confirming denying"
)
SPEECH_VERBS = frozenset(_SPEECH)
# Verbs whose clausal complement is reported speech (not "called", "asked", "described").
REPORTING_VERBS = SPEECH_VERBS - frozenset(
    _listed(
        "call calls called ask asks asked describe describes described dismiss dismissed "
        "continue continued post posted urge urges urged accuse accuses accused"
    )
)
TITLES = frozenset(
    _listed(
        "president prime minister mr mr. mrs mrs. ms ms. dr dr. sir dame chancellor senator sen. "
        "rep. representative governor gov. mayor general gen. secretary spokesman spokeswoman "
        "spokesperson chief judge justice professor prof. king queen prince princess pope "
        "foreign defence defense finance interior deputy vice premier leader ambassador minister's "
        "colonel col. lieutenant lt. captain capt. commissioner director chairman chairwoman "
        "ceo coach officer inspector detective sheriff bishop archbishop rabbi imam father "
        "councillor councilor councilman councilwoman campaigner activist boss manager captain "
        "striker midfielder defender goalkeeper chief executive superintendent analyst economist "
        "forecaster farmer villager shopkeeper fisherman nurse teacher parent student resident "
        "critic author director rival victim owner envoy lawyer barrister attorney sergeant "
        "constable agent founder president-elect lord lady mp mep sen rep head champion "
        "researcher scientist astronomer adviser advisor official candidate"
    )
)
