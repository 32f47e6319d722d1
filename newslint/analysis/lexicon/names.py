"""Name words: data only (read by :mod:`newslint.analysis.names`)."""

from __future__ import annotations

__all__ = ["FORMAL_SPELLINGS", "GIVEN_NAMES", "NICKNAMES"]


def _pairs(block: str) -> dict[str, str]:
    """Short forms of given names, one formal name a line: "robert: bob bobby rob"."""
    out: dict[str, str] = {}
    for line in block.strip().splitlines():
        formal, shorts = line.split(":")
        for short in shorts.split():
            out[short] = formal.strip()
    return out


#: English short forms of given names and the formal name they stand for
#: ("Bob Menendez" is "Robert Menendez"). A short form shared by two formal
#: names ("Pat", "Sam", "Alex", "Chris") is left out: it proves nothing.
NICKNAMES = _pairs(
    """
    robert: bob bobby rob robbie bert
    william: bill billy will willie
    james: jim jimmy jamie
    john: jack johnny
    joshua: josh
    jacob: jake
    vincent: vince
    philip: phil
    gabriel: gabe
    richard: rick ricky rich dick
    michael: mike mikey mick
    david: dave davey
    thomas: tom tommy
    joseph: joe joey
    anthony: tony
    christopher: topher
    daniel: dan danny
    matthew: matt
    steven: steve stevie
    jeffrey: jeff
    gregory: greg
    benjamin: ben benny
    andrew: andy drew
    nicholas: nick nicky
    timothy: tim timmy
    ronald: ron ronnie
    donald: don donnie
    lawrence: larry
    bernard: bernie
    charles: charlie chuck
    henry: hank
    edward: ted teddy eddie
    kenneth: ken kenny
    douglas: doug
    raymond: ray
    gerald: jerry
    walter: walt
    frederick: fred freddie
    samuel: sammy
    zachary: zach zack
    jonathan: jon
    nathaniel: nate
    elizabeth: liz lizzie beth betsy betty
    katherine: kate katie kathy
    margaret: peggy maggie meg
    jennifer: jen jenny
    susan: sue susie
    deborah: debbie deb
    patricia: patty trish
    rebecca: becky
    victoria: vicky tori
    kimberly: kim
    abigail: abby
    """
)


#: Formal given names written two ways, each with the spelling its short forms
#: are listed under ("Laurence" is "Lawrence": "Larry" stands for both).
FORMAL_SPELLINGS = _pairs(
    """
    lawrence: laurence
    steven: stephen
    jeffrey: geoffrey
    philip: phillip
    frederick: frederic
    """
)


def _block(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Common given names (lower case): a capitalised run of two to four words
#: opening with one of them is a person ("Kevin Barbee", "Antonio Kelley")
#: even with no title, age or speech verb beside it. Names that are also
#: everyday words, months, places or titles ("Will", "May", "Jordan",
#: "Austin", "Dean", "Chase", "Hope") are left out: they prove nothing.
GIVEN_NAMES = _block(
    """
    aaron abby abdul abdullah abel abigail abraham ada adam adrian adriana adrienne agnes ahmad ahmed
    aisha alan albert alberto alejandra alejandro alex alexa alexander alexandra alexandria alexis
    alfonso alfred alfredo ali alice alicia alisha alison alissa allen allison alma alonzo alvin alyssa
    amanda amber amelia amir amos amy ana andre andrea andres andrew andy angel angela angelica angelina
    angelo angie anita ann anna anne annette annie anthony antoine antonio antwan ariana ariel arlene
    armando arnold arthur arturo ashley ashton audrey ava barbara barry beatrice becky belinda ben
    benjamin bernadette bernard bernice beth bethany betty beverly bianca billy blake bobby bonnie brad
    bradley brandi brandon brandy brenda brendan brent brett brian briana brianna bridget brittany
    brittney brooke bruce bryan bryce byron caleb calvin cameron camille candace candice carl carla
    carlos carmen carol carole caroline carolyn carrie casey cassandra catherine cathy cecil cecilia
    cedric celeste cesar charlene charles charlie charlotte cheryl chloe chris christina christine
    christopher christy cindy claire clara clarence claudia clifford clint cody colin colleen connie
    connor constance corey cornelius courtney craig cristina curtis cynthia daisy dale damian damon dana
    daniel daniela danielle danny daquan darius darlene darnell darrell darren darryl daryl dave david
    deandre deanna debbie deborah debra deja delores demetrius denise dennis derek derrick desiree devin
    dexter diana diane dianne diego dillon dolores dominic dominique don donald donna donovan doris
    dorothy douglas duane dustin dwayne dwight dylan earl eddie edgar eduardo edward edwin eileen elaine
    eleanor elena eli elijah elizabeth ella ellen elliott elmer eloise elsie emanuel emily emma emmanuel
    enrique eric erica erik erika erin ernest ernesto esther ethan eugene eva evan evelyn fatima felicia
    felipe felix fernando floyd frances francis francisco fred freddie frederick gabriel gabriela
    gabrielle gail gary gene genevieve geoffrey george gerald gerardo gilbert gina gladys glenda glenn
    gloria gordon greg gregory gretchen guillermo gustavo gwendolyn hailey haley hannah harold harriet
    harry harvey hassan hazel heather hector heidi helen henry herbert herman hilda holly howard hussein
    ian irene iris isaac isabel isabella isaiah ismael ivan jack jackie jacob jacqueline jaden jaime
    jake jamal jamar james jamie jana jane janelle janet janice jared jasmine jason javier jay jayden
    jeanette jeff jeffery jeffrey jenna jennifer jenny jeremiah jeremy jermaine jerome jerry jesse
    jessica jesus jill jim jimmy joan joann joanna joanne jodi joe joel joey johanna john johnathan
    johnathon johnny jon jonathan jorge jose josefina joseph josephine josh joshua josue joyce juan
    juanita judith judy julia julian juliana julie julio justin kaitlyn kara karen kari karl karla kate
    katelyn katherine kathleen kathryn kathy katie katrina kay kayla keisha keith kelli kellie kelly
    kelsey ken kendall kendra kenneth kenny kent kerry kevin khalid kim kimberly kirk krista kristen
    kristin kristina kristy kurt kyle lacey lakisha lance larry latasha latisha latoya laura lauren
    laurie lawrence leah lee leon leonard leroy leslie lester leticia lillian lily linda lindsay lindsey
    lisa lloyd lois lonnie lori lorraine louis louise lucas lucia lucy luis luke luz lydia mackenzie
    madeline malcolm mandy manuel marc marcia marco marcos marcus margaret margarita maria mariah marie
    marilyn mario marissa marjorie marlene marsha martha martin marvin mary mathew matthew maureen
    maurice maxine megan melanie melinda melissa melody melvin mercedes michael michaela micheal michele
    michelle miguel mike mildred miranda miriam mitchell mohamed mohammad mohammed molly monica monique
    muhammad myra nadia nancy naomi natalie natasha nathan nathaniel neil nicholas nichole nicole nina
    noah noel nora norma norman olga olivia omar oscar owen pablo pamela patrice patricia patrick paul
    paula pauline pedro peggy perry pete peter philip phillip priscilla rachel rafael ralph ramiro ramon
    randall randy raquel raul raymond rebecca reginald renee ricardo richard rick ricky rita robert
    roberta roberto robin rochelle rodney rodolfo roger roland ronald ronnie rosa rosalind rosemary ross
    roy ruben russell ruth ryan sabrina salvador samantha samuel sandra sara sarah scott sean sergio
    seth shane shannon shari sharon shaun shawn shawna sheila shelby shelia shelley shelly sherri sherry
    shirley silvia simon sonia sonya sophia stacey stacy stanley stephanie stephen steve steven stuart
    susan suzanne sylvia tamara tameka tammy tanya tara tasha taylor teresa terrance terrell terrence
    terri terry thelma theodore theresa thomas tiffany timothy tina toby todd tommy toni tony tonya
    tracey traci tracy travis trevor tricia troy tyler tyrone valerie vanessa vernon veronica vicki
    vickie vicky victor vincent viola walter wanda warren wayne wendy wesley whitney william willie
    wilma xavier yesenia yolanda yvette yvonne zachary
    """
)
